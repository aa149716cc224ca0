import { MAX_STDIO_LINE_BYTES } from '@mcp-sampling/kit';
import { describeBuiltBinContract } from '@mcp-sampling/testing/bin-contract';

describeBuiltBinContract(import.meta.url, { maxLineBytes: MAX_STDIO_LINE_BYTES });
