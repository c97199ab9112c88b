import { databaseErrorFields, describeParameters, isDatabaseError, statementName } from './database-errors';

describe('statementName', () => {
  it('names the verb and the table, with a hash telling statements apart', () => {
    expect(
      statementName('INSERT INTO "listings" ("id") SELECT "id" FROM json_populate_recordset(NULL, $1)'),
    ).toMatch(/^INSERT listings #[0-9a-f]{8}$/);
    expect(statementName('UPDATE source_postings SET missed_runs = 1 WHERE id = $1')).toMatch(
      /^UPDATE source_postings #/,
    );
    expect(statementName('  select id\n from listings where id = $1')).toMatch(/^SELECT listings #/);
    expect(statementName('SELECT 1')).not.toBe(statementName('SELECT 2'));
  });
});

it('describes parameters by kind and size only', () => {
  expect(describeParameters(['abc', 3, null, [1, 2], Buffer.from('xy'), new Date()])).toEqual([
    'string(3)',
    'number',
    'null',
    'array(2)',
    'bytes(2)',
    'date',
  ]);
  expect(describeParameters(undefined)).toEqual([]);
});

describe('databaseErrorFields', () => {
  it('keeps SQLSTATE, constraint and table, masks the message and never reads the detail', () => {
    const driverError = Object.assign(new Error('invalid value "ann@example.com" for column'), {
      code: '22P02',
      severity: 'ERROR',
      constraint: 'listings_pkey',
      table: 'listings',
      detail: 'Failing row contains (ann@example.com, ...)',
    });
    const err = Object.assign(new Error(driverError.message), {
      name: 'QueryFailedError',
      query: 'INSERT INTO listings (id) VALUES ($1)',
      parameters: ['ann@example.com'],
      driverError,
    });
    err.name = 'QueryFailedError';
    expect(isDatabaseError(err)).toBe(true);
    const fields = databaseErrorFields(err);
    expect(fields).toMatchObject({
      sqlState: '22P02',
      constraint: 'listings_pkey',
      table: 'listings',
      error: 'invalid value "a***@example.com" for column',
    });
    expect(fields.statement).toMatch(/^INSERT listings #/);
    expect(JSON.stringify(fields)).not.toContain('Failing row');
  });

  it('tells driver errors from others', () => {
    expect(isDatabaseError(new Error('boom'))).toBe(false);
    expect(isDatabaseError(Object.assign(new Error('x'), { code: '23505', severity: 'ERROR' }))).toBe(true);
  });
});
