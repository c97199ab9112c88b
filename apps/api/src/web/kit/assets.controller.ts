import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { findAsset } from './asset-catalog';
import { ApiError } from '../../http/api-error';

/** /assets/<name>.<hash>.<ext>: compressed when the browser takes it, cached for a year when hashed. */
@ApiExcludeController()
@Controller('assets')
export class AssetsController {
  @Get(':file')
  serve(
    @Param('file') file: string,
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Res() reply: FastifyReply,
  ): void {
    const found = findAsset(file);
    if (!found) throw new ApiError('NOT_FOUND', `no asset named ${file}`);
    const { asset, current } = found;
    const encodings = acceptEncoding ?? '';
    const [body, encoding] = /\bbr\b/.test(encodings)
      ? [asset.brotli, 'br']
      : /\bgzip\b/.test(encodings)
        ? [asset.gzip, 'gzip']
        : [asset.body, null];
    reply
      .header('Content-Type', asset.type)
      .header('Vary', 'Accept-Encoding')
      .header('Cache-Control', current ? 'public, max-age=31536000, immutable' : 'public, max-age=300')
      .header('ETag', `"${asset.hash}${encoding ? `-${encoding}` : ''}"`);
    if (encoding) reply.header('Content-Encoding', encoding);
    reply.send(body);
  }
}
