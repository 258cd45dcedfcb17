// The board's stylesheet and client script, read once at start from src/board/assets (tsc does
// not copy them to dist/, so they are found from the package root, like the migrations). Pages
// link them with a digest of their bytes (`?v=`), so a browser may keep them for a year and
// still gets a new version the moment one is deployed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { packageRoot } from '../common/package-root.js';
import type { PublicLinks } from '../domain/public-links.js';
import type { PageAssets } from './domain/layout.js';

export interface Asset {
  body: string;
  contentType: string;
  /** Short digest of the body: the `v` query of the page's link. */
  version: string;
}

const CONTENT_TYPES: Record<string, string> = {
  'board.css': 'text/css; charset=utf-8',
  'board.js': 'text/javascript; charset=utf-8',
  // The pages' favicon and the feeds' icon (square, as Atom's icon asks).
  'icon.svg': 'image/svg+xml',
};

@Injectable()
export class BoardAssets {
  private readonly assets = new Map<string, Asset>(
    Object.entries(CONTENT_TYPES).map(([name, contentType]) => {
      const body = readFileSync(join(packageRoot(), 'src/board/assets', name), 'utf8');
      return [name, { body, contentType, version: createHash('sha256').update(body).digest('hex').slice(0, 12) }];
    }),
  );

  find(name: string): Asset | undefined {
    return this.assets.get(name);
  }

  /** The versioned addresses pages link to. */
  urls(links: PublicLinks): PageAssets {
    const url = (name: string) => `${links.asset(name)}?v=${this.assets.get(name)!.version}`;
    return { css: url('board.css'), js: url('board.js'), icon: url('icon.svg') };
  }
}
