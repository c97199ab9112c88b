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
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { parseInput } from '../http/parse-input';
import { AdminTokenGuard } from './admin-token.guard';
import { AdminSourcesService } from './admin-sources.service';

const idParams = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{1,63}$/, 'id is not a valid source id'),
});
const runsQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) });

const SOURCE_EXAMPLE = {
  id: 'greenhouse-acme-health',
  kind: 'greenhouse',
  name: 'Acme Health careers',
  enabled: true,
  intervalMinutes: 360,
  config: { boardToken: 'acmehealth', employerName: 'Acme Health' },
};

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
  @ApiBody({ schema: { type: 'object', example: SOURCE_EXAMPLE } })
  create(@Body() body: unknown) {
    return this.sources.create(body);
  }

  @Get(':id')
  get(@Param() params: unknown) {
    return this.sources.get(parseInput(idParams, params, 'params').id);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace a source definition (health and history are kept).' })
  @ApiBody({ schema: { type: 'object', example: SOURCE_EXAMPLE } })
  replace(@Param() params: unknown, @Body() body: unknown) {
    return this.sources.update(parseInput(idParams, params, 'params').id, body, false);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change some fields of a source, e.g. {"enabled": false}.' })
  @ApiBody({ schema: { type: 'object', example: { enabled: false, intervalMinutes: 720 } } })
  patch(@Param() params: unknown, @Body() body: unknown) {
    return this.sources.update(parseInput(idParams, params, 'params').id, body, true);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a source and its postings links; listings seen only there close.' })
  async remove(@Param() params: unknown) {
    await this.sources.remove(parseInput(idParams, params, 'params').id);
  }

  @Post(':id/runs')
  @HttpCode(202)
  @ApiOperation({ summary: 'Trigger a run now (queued for the worker).' })
  trigger(@Param() params: unknown) {
    return this.sources.trigger(parseInput(idParams, params, 'params').id);
  }

  @Get(':id/runs')
  @ApiOperation({ summary: 'Recent runs of a source: counts, skipped reasons, duration, error.' })
  runs(@Param() params: unknown, @Query() query: unknown) {
    return this.sources.runs(
      parseInput(idParams, params, 'params').id,
      parseInput(runsQuery, query, 'query').limit,
    );
  }
}
