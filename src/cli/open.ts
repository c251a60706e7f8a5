import { ConfigError, readConfig } from "../config.js";
import { CorpusError } from "../corpus/index.js";
import { IndexError, PassageRetriever, type RetrieverKind } from "../retrieval/index.js";

/**
 * Opens the retrieval stage for a command-line tool, configured from the environment
 * (EMBEDDING_MODEL, EMBEDDING_MODEL_DIR, RELAIS_OFFLINE); `retriever` is the default retriever
 * (lexical when the dense path cannot be had, said on stderr); a broken corpus or index ends the
 * command with the message that names the fix.
 */
export async function openRetrieverForCli(options: { dense?: boolean; retriever?: RetrieverKind }): Promise<PassageRetriever> {
  try {
    const config = readConfig(process.env, "tools");
    return await PassageRetriever.open({
      ...(options.dense !== undefined ? { dense: options.dense } : {}),
      ...(options.retriever ? { retriever: options.retriever } : {}),
      modelId: config.EMBEDDING_MODEL,
      modelDir: config.EMBEDDING_MODEL_DIR,
      allowHub: !config.RELAIS_OFFLINE,
      onDenseUnavailable: (reason) => console.error(`Dense retrieval is off: ${reason}. Answering with lexical retrieval.`),
    });
  } catch (error) {
    if (error instanceof CorpusError || error instanceof IndexError || error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
