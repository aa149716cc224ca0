/**
 * Registers a `SamplingTool` on an `McpServer`. The handler picks the path per request:
 * 2026-07-28 → wire rounds with signed state (modern-round.ts); 2025 → steps pushed to the host
 * as they are asked for (push-sampler.ts). Every failure becomes an `isError` result whose text
 * says what went wrong and how to recover.
 */
import type { CallToolResult, InputRequiredResult, McpServer, ServerContext } from '@modelcontextprotocol/server';
import type * as z from 'zod/v4';
import { type SamplingTool, ToolInputError } from './define-tool.js';
import { type Fulfil, runDirect } from './engine.js';
import { describeFailure, hostCannotSample, SamplingFailure } from './errors.js';
import { eraOf, hostCanSample } from './host-capabilities.js';
import { serveModernRound } from './modern-round.js';
import { stepProgress } from './progress.js';
import { hostProvenance, ProvenanceSchema } from './provenance.js';
import { pushSampler, sampleTimeoutFromEnv } from './push-sampler.js';
import { RoundStateSealer } from './request-state.js';

/** Options shared by every tool registered through the kit. */
export interface RegisterOptions {
  /** Seals round state on 2026-07-28. Defaults to one sealer per process (see `RoundStateSealer`). */
  sealer?: RoundStateSealer;
  /** Time a host gets for one pushed (2025-era) request. Defaults to `MCP_SAMPLING_TIMEOUT_MS` or 300 s. */
  sampleTimeoutMs?: number;
  /** Time between progress heartbeats while 2025-era steps wait on the host. Default 5 s. */
  heartbeatMs?: number;
}

let processSealer: RoundStateSealer | undefined;

/** The process-wide sealer: one key for every server instance this process builds. */
export function defaultSealer(): RoundStateSealer {
  processSealer ??= new RoundStateSealer();
  return processSealer;
}

/** Register `tool` on `server` so it runs on both protocol eras. */
export function registerSamplingTool<In extends z.ZodObject, Out extends z.ZodObject>(
  server: McpServer,
  tool: SamplingTool<In, Out>,
  options: RegisterOptions = {},
): void {
  const sealer = options.sealer ?? defaultSealer();
  const timeoutMs = options.sampleTimeoutMs ?? sampleTimeoutFromEnv();
  const outputSchema = tool.output.extend({ provenance: ProvenanceSchema });
  const toText = tool.text ?? ((output: z.output<Out>) => JSON.stringify(output, null, 2));

  server.registerTool(
    tool.name,
    {
      title: tool.title,
      description: tool.description,
      inputSchema: tool.input,
      outputSchema,
      ...(tool.annotations !== undefined && { annotations: tool.annotations }),
    },
    // The SDK's callback type cannot see through the generic schemas, hence the loose signature.
    (async (args: z.output<In>, ctx: ServerContext): Promise<CallToolResult | InputRequiredResult> => {
      const era = eraOf(ctx);
      const canSample = hostCanSample(server, ctx);
      try {
        if (era === '2026-07-28') {
          const round = await serveModernRound({
            toolName: tool.name,
            input: args,
            run: tool.run,
            preset: tool.preset,
            ctx,
            sealer,
            canSample,
          });
          if (round.kind === 'input') return round.result;
          return success(toText(round.output), { ...round.output, provenance: hostProvenance(era, round.used) });
        }
        const progress = stepProgress(ctx, options.heartbeatMs);
        try {
          const fulfil: Fulfil = canSample ? pushSampler(ctx, timeoutMs, progress) : cannotSample;
          const { output, used } = await runDirect(tool.run, args, fulfil, tool.preset, ctx.mcpReq.signal);
          return success(toText(output), { ...output, provenance: hostProvenance(era, used) });
        } finally {
          progress.stop();
        }
      } catch (error) {
        if (ctx.mcpReq.signal.aborted) throw error; // a cancelled call is never answered
        return failure(tool.name, error);
      }
    }) as never,
  );
}

const cannotSample: Fulfil = async () => {
  throw hostCannotSample();
};

function success(text: string, structuredContent: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent };
}

function failure(toolName: string, error: unknown): CallToolResult {
  let text: string;
  if (error instanceof SamplingFailure) text = describeFailure(error);
  else if (error instanceof ToolInputError) text = error.message;
  else {
    console.error(`[${toolName}] internal error:`, error);
    text = `Internal error in tool '${toolName}': ${error instanceof Error ? error.message : String(error)}`;
  }
  return { content: [{ type: 'text', text }], isError: true };
}
