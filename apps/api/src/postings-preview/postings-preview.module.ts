import { Module } from '@nestjs/common';
import { PostingsPreviewController } from './postings-preview.controller';
import { PostingsPreviewService } from './postings-preview.service';

/** POST /api/v1/postings/preview: what the normalizer reads from a pasted posting. */
@Module({ controllers: [PostingsPreviewController], providers: [PostingsPreviewService] })
export class PostingsPreviewModule {}
