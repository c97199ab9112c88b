/** Thrown for bad usage or input: printed as one line, exit code 2 (1 for failed work). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}
