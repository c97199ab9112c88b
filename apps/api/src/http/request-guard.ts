import type { FastifyInstance } from 'fastify';
import { ApiError } from './api-error';
import { inputProblem, type RequestPlace } from './input-bounds';

const PLACES: RequestPlace[] = ['params', 'query', 'body'];

/**
 * Every request's input passes inputProblem before a guard, pipe or handler sees it (pages' forms
 * included); a problem is a 400 naming the field. Bodies are JSON or a page's form: text/plain, which
 * Fastify would otherwise hand to routes as a string, is answered 415 like any other type.
 */
export function guardRequests(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser('text/plain');
  fastify.addHook('preValidation', (request, _reply, done) => {
    for (const place of PLACES) {
      const problem = inputProblem(request[place], place);
      if (problem) {
        done(new ApiError('VALIDATION_FAILED', `${problem.field}: ${problem.message}`, [problem]));
        return;
      }
    }
    done();
  });
}
