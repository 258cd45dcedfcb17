// What a Nest LoggerService call carries besides its message. Nest's Logger appends its context
// as the last argument (`new Logger('Sources').warn(m)` calls warn(m, 'Sources')), and error
// and fatal take a stack before it (`error(m, stack, context)`, with `undefined` for no stack).

export interface NestLogCall {
  context?: string;
  stack?: string;
  /** Plain objects among the arguments, merged: structured fields of the line. */
  fields: Record<string, unknown>;
}

/** `withStack` for error and fatal, whose first extra argument may be a stack trace. */
export function readNestLogCall(params: readonly unknown[], withStack: boolean): NestLogCall {
  const rest = [...params];
  const call: NestLogCall = { fields: {} };
  // A lone string after an error's message is a stack when it looks like one, else the context.
  const last = rest.at(-1);
  if (typeof last === 'string' && !(withStack && rest.length === 1 && looksLikeStack(last))) call.context = rest.pop() as string;
  if (withStack && (typeof rest[0] === 'string' || (rest[0] === undefined && rest.length > 0))) {
    const stack = rest.shift() as string | undefined;
    if (stack) call.stack = stack;
  }
  for (const param of rest) {
    if (isPlainObject(param)) Object.assign(call.fields, param);
  }
  return call;
}

function looksLikeStack(text: string): boolean {
  return /\n\s+at /.test(text);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
