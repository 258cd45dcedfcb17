// Stored documents: the article text as ingested, with the claims read from it. JSON for tools,
// a page for people (feed entries link to it).
import { Controller, Get, Header, NotFoundException, Param } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { schemaRef } from '../api-docs/api-schemas.js';
import { ApiNotFound } from '../api-docs/api-docs.decorators.js';
import { WatchesService } from '../watches/watches.service.js';
import { renderDocumentPage } from './domain/document-page.js';
import { StanceRepository } from './stance.repository.js';

@Controller()
export class DocumentsController {
  constructor(
    private readonly stances: StanceRepository,
    private readonly watches: WatchesService,
  ) {}

  @Get('api/documents/:id')
  @ApiTags('documents')
  @ApiOperation({ summary: 'A stored article: its text as ingested, and the claims read from it with their quotes' })
  @ApiParam({ name: 'id', description: 'the document id (feed entries and claims name it)' })
  @ApiOkResponse({ description: 'the document and its claims', schema: schemaRef('StoredDocument') })
  @ApiNotFound('no such document')
  async document(@Param('id') id: string) {
    const found = await this.find(id);
    return {
      ...found.document,
      claims: found.claims.map((c) => ({ claimId: c.claimId, watch: c.watchId, actor: c.actorId, stance: c.stance, speaker: c.speaker, quote: c.quote, saidOn: c.saidOn, position: c.position })),
    };
  }

  @Get('documents/:id')
  @ApiExcludeEndpoint() // a page for people, not part of the API
  @Header('content-type', 'text/html; charset=utf-8')
  async page(@Param('id') id: string) {
    const { document, claims } = await this.find(id);
    return renderDocumentPage(document, claims, (c) => this.watches.actorName(c.watchId, c.actorId));
  }

  private async find(id: string) {
    const found = await this.stances.documentWithClaims(id);
    if (!found) throw new NotFoundException(`no document "${id}"`);
    return found;
  }
}
