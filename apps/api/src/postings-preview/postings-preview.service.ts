import { Injectable } from '@nestjs/common';
import { normalizePosting } from '#normalizer';
import type { PreviewInput } from './postings-preview.schema';

/** Reads a pasted posting as ingestion would, keeping the phrase behind each fact. Stores nothing. */
@Injectable()
export class PostingsPreviewService {
  preview(input: PreviewInput) {
    const format = input.format ?? (/<[a-z][\s\S]*>/i.test(input.description) ? 'html' : 'text');
    const { evidence, ...listing } = normalizePosting({
      externalId: 'preview',
      title: input.title,
      employer: input.employer ?? null,
      description: input.description,
      descriptionFormat: format,
      locations: input.location ? [{ text: input.location }] : [],
      employmentType: input.employmentType ?? null,
    });
    return { listing, evidence };
  }
}
