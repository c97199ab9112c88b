import { fieldDiff } from './audit-diff';

describe('audit field diff', () => {
  it('lists changed fields only, nested ones by path', () => {
    expect(
      fieldDiff(
        { state: 'draft', fields: { title: 'Coder', pay: { min: 20 } }, same: [1] },
        { state: 'review', fields: { title: 'Coder II', pay: { min: 20 } }, same: [1] },
      ),
    ).toEqual({ state: { from: 'draft', to: 'review' }, 'fields.title': { from: 'Coder', to: 'Coder II' } });
  });

  it('shows creation and removal against nothing', () => {
    expect(fieldDiff(null, { name: 'Mercy' })).toEqual({ name: { from: null, to: 'Mercy' } });
    expect(fieldDiff({ role: 'owner' }, null)).toEqual({ role: { from: 'owner', to: null } });
  });
});
