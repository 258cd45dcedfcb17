// Stored documents: the article text as ingested, with the claims read from it, as JSON for
// tools (the page for people is the board's: BoardController).
import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { schemaRef } from '../api-docs/api-schemas.js';
import { ApiNotFound } from '../api-docs/api-docs.decorators.js';
import { StanceRepository } from './stance.repository.js';

@Controller()
export class DocumentsController {
  constructor(private readonly stances: StanceRepository) {}

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

  private async find(id: string) {
    const found = await this.stances.documentWithClaims(id);
    if (!found) throw new NotFoundException(`no document "${id}"`);
    return found;
  }
}
