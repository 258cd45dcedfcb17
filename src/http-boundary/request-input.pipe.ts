// Every path parameter, query value and body a handler receives passes here first (a global
// pipe): text the database cannot store is a 400 naming the field, for every route at once.
import { BadRequestException, Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { findUnstorableText } from './domain/unstorable-text.js';

const PLACES: Partial<Record<ArgumentMetadata['type'], string>> = {
  param: 'path parameter',
  query: 'query parameter',
  body: 'body field',
};

@Injectable()
export class RequestInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const place = PLACES[metadata.type];
    if (!place) return value;
    const found = findUnstorableText(value, metadata.data ?? '');
    if (found) {
      const where = found.field === '' ? (metadata.type === 'body' ? 'the body' : place) : `${place} ${found.field}`;
      throw new BadRequestException(`${where} ${found.problem}`);
    }
    return value;
  }
}
