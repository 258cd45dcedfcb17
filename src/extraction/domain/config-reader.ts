// Typed reading of a parsed YAML configuration file. Every error names the file and the field
// path ("fixtures/watches/x.yaml: actors[2].aliases.id must be a list of strings"), so whoever
// edits a watch or a language pack is told exactly what to fix.

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export class FieldReader {
  constructor(
    readonly file: string,
    readonly path: string,
    readonly value: unknown,
  ) {}

  static root(file: string, value: unknown): FieldReader {
    return new FieldReader(file, '', value);
  }

  fail(message: string): never {
    throw new ConfigError(`${this.file}: ${this.path || 'the file'} ${message}`);
  }

  get isMissing(): boolean {
    return this.value === undefined || this.value === null;
  }

  field(name: string): FieldReader {
    const object = this.object();
    return new FieldReader(this.file, this.path ? `${this.path}.${name}` : name, object[name]);
  }

  /** Fails on any key not listed: a misspelt field must not be silently ignored. */
  allowOnly(names: readonly string[]): this {
    for (const key of Object.keys(this.object())) {
      if (!names.includes(key)) this.fail(`has unknown field "${key}" (expected one of: ${names.join(', ')})`);
    }
    return this;
  }

  string(): string {
    if (typeof this.value !== 'string' || this.value.trim() === '') this.fail('must be a non-empty string');
    return this.value;
  }

  number(): number {
    if (typeof this.value !== 'number' || !Number.isFinite(this.value)) this.fail('must be a number');
    return this.value;
  }

  oneOf<T extends string>(allowed: readonly T[]): T {
    const value = this.string();
    if (!allowed.includes(value as T)) this.fail(`must be one of: ${allowed.join(', ')}`);
    return value as T;
  }

  stringList(): string[] {
    if (!Array.isArray(this.value)) this.fail('must be a list of strings');
    this.value.forEach((item, index) => {
      if (typeof item === 'string' && item.trim() !== '') return;
      // YAML reads unquoted false, true, 12 or null as non-strings.
      const hint = item === null || typeof item === 'object' ? '' : ` (write "${String(item)}" in quotes)`;
      new FieldReader(this.file, `${this.path}[${index}]`, item).fail(`must be a non-empty string${hint}`);
    });
    return this.value as string[];
  }

  /** A missing optional list reads as empty. */
  optionalStringList(): string[] {
    return this.isMissing ? [] : this.stringList();
  }

  list(): FieldReader[] {
    if (!Array.isArray(this.value)) this.fail('must be a list');
    return this.value.map((item, index) => new FieldReader(this.file, `${this.path}[${index}]`, item));
  }

  /** The entries of a mapping, in file order. */
  entries(): [string, FieldReader][] {
    return Object.entries(this.object()).map(([key, value]) => [
      key,
      new FieldReader(this.file, this.path ? `${this.path}.${key}` : key, value),
    ]);
  }

  private object(): Record<string, unknown> {
    if (typeof this.value !== 'object' || this.value === null || Array.isArray(this.value)) {
      this.fail('must be a mapping');
    }
    return this.value as Record<string, unknown>;
  }
}
