// A stored document as the projection keeps it: what claims and feed entries name, and what the
// stored-copy page (board/domain/document-page.ts) shows. Pure types.

/** An ingested document as the projection keeps it (stance_documents). */
export interface DocumentRef {
  documentId: string;
  url: string;
  outlet: string;
  title: string;
  published: string;
  language: string;
}

export interface StoredDocument extends DocumentRef {
  text: string;
}

