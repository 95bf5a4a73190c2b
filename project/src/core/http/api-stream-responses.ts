import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';

/** Documents a 200 whose body is not JSON (a CSV file, an event stream), so the document names its type. */
const ApiTextResponse = (mediaType: string, description: string) =>
  applyDecorators(
    ApiProduces(mediaType),
    ApiOkResponse({ description, content: { [mediaType]: { schema: { type: 'string' } } } }),
  );

export const ApiCsvResponse = (description: string) => ApiTextResponse('text/csv', description);

export const ApiEventStreamResponse = (description: string) => ApiTextResponse('text/event-stream', description);
