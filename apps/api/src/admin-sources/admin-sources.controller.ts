import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Put,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { sourceDefinitionSchema } from '#ingestion';
import { endpointInput } from '../http/endpoint-input';
import { AdminTokenGuard } from './admin-token.guard';
import { AdminSourcesService } from './admin-sources.service';

const idParams = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{1,63}$/, 'id is not a valid source id'),
});
type IdParams = z.output<typeof idParams>;

const SOURCE_EXAMPLE = {
  id: 'greenhouse-acme-health',
  kind: 'greenhouse',
  name: 'Acme Health careers',
  enabled: true,
  intervalMinutes: 360,
  config: { boardToken: 'acmehealth', employerName: 'Acme Health' },
};

// Bodies are validated by the ingestion lib's sourceDefinitionSchema (with the adapter's own config
// schema), in the service: the same schema the document shows.
const CREATE = endpointInput({ body: sourceDefinitionSchema, bodyExample: SOURCE_EXAMPLE });
const BY_ID = endpointInput({ params: idParams });
const REPLACE = endpointInput({
  params: idParams,
  body: sourceDefinitionSchema,
  bodyExample: SOURCE_EXAMPLE,
});
const CHANGE = endpointInput({
  params: idParams,
  body: sourceDefinitionSchema.partial(),
  bodyExample: { enabled: false, intervalMinutes: 720 },
});
const RUNS = endpointInput({
  params: idParams,
  query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) }),
});

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(AdminTokenGuard)
@Controller('api/v1/admin/sources')
export class AdminSourcesController {
  constructor(@Inject(AdminSourcesService) private readonly sources: AdminSourcesService) {}

  @Get()
  @ApiOperation({ summary: 'Every source with its health: last success, last error, failures, next run.' })
  list() {
    return this.sources.list();
  }

  @Post()
  @ApiOperation({ summary: 'Create a source; its config is validated by the adapter of its kind.' })
  @CREATE.docs
  create(@Body() body: unknown) {
    return this.sources.create(body);
  }

  @Get(':id')
  @BY_ID.docs
  get(@Param(BY_ID.params) { id }: IdParams) {
    return this.sources.get(id);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace a source definition (health and history are kept).' })
  @REPLACE.docs
  replace(@Param(REPLACE.params) { id }: IdParams, @Body() body: unknown) {
    return this.sources.update(id, body, false);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change some fields of a source, e.g. {"enabled": false}.' })
  @CHANGE.docs
  patch(@Param(CHANGE.params) { id }: IdParams, @Body() body: unknown) {
    return this.sources.update(id, body, true);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a source and its postings links; listings seen only there close.' })
  @BY_ID.docs
  async remove(@Param(BY_ID.params) { id }: IdParams) {
    await this.sources.remove(id);
  }

  @Post(':id/runs')
  @HttpCode(202)
  @ApiOperation({ summary: 'Trigger a run now (queued for the worker).' })
  @BY_ID.docs
  trigger(@Param(BY_ID.params) { id }: IdParams) {
    return this.sources.trigger(id);
  }

  @Post(':id/shrink-confirmation')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Confirm that a source really dropped most of its postings: its next shrunken snapshot is trusted and closes what it lacks.',
  })
  @BY_ID.docs
  confirmShrink(@Param(BY_ID.params) { id }: IdParams) {
    return this.sources.confirmShrink(id);
  }

  @Get(':id/runs')
  @ApiOperation({ summary: 'Recent runs of a source: counts, skipped reasons, duration, error.' })
  @RUNS.docs
  runs(@Param(RUNS.params) { id }: IdParams, @Query(RUNS.query) { limit }: { limit: number }) {
    return this.sources.runs(id, limit);
  }
}
