// Stored documents: the article text as ingested, with the claims read from it. JSON for tools,
// a page for people (feed entries link to it).
import { Controller, Get, Header, NotFoundException, Param } from '@nestjs/common';
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
  async document(@Param('id') id: string) {
    const found = await this.find(id);
    return {
      ...found.document,
      claims: found.claims.map((c) => ({ claimId: c.claimId, watch: c.watchId, actor: c.actorId, stance: c.stance, speaker: c.speaker, quote: c.quote, saidOn: c.saidOn, position: c.position })),
    };
  }

  @Get('documents/:id')
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
