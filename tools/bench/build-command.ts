// The project's build command as package.json declares it (`npm run build`), so that the benchmark measures
// exactly what readers' builds run: environment settings in front of `astro build`, then Astro's arguments.

export interface BuildCommand {
  env: Record<string, string>;
  /** Arguments to Astro's CLI, e.g. ['build']. */
  args: string[];
}

/** `script`: the `build` script of package.json, e.g. `MIMALLOC_ALLOW_THP=0 astro build`. */
export function buildCommand(script: string): BuildCommand {
  const words = script.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (words.length > 0 && /^[A-Z_][A-Z0-9_]*=\S*$/.test(words[0]!)) {
    const [name, value] = words.shift()!.split(/=(.*)/) as [string, string];
    env[name] = value;
  }
  if (words.shift() !== 'astro') throw new Error(`the build script should run astro, not: ${script}`);
  return { env, args: words };
}
