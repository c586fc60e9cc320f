// Keeps secrets out of what the deploy prints: the credentials of a URL (`http://user:pass@host`), and the values of
// the environment variables that hold credentials (the secret access key, a session token …), wherever they turn up,
// in our own messages or in an error the AWS SDK or Node wrote (which may quote the endpoint or a request's headers).

/** What a hidden secret is printed as. */
export const HIDDEN = '***';

/**
 * Environment variables whose value is a credential, by a word of their name: AWS_SECRET_ACCESS_KEY,
 * AWS_SESSION_TOKEN, AWS_ACCESS_KEY_ID, GITHUB_TOKEN, ALIBABA_CLOUD_ACCESS_KEY_SECRET … (not GIT_AUTHOR_NAME).
 */
const CREDENTIAL_NAME =
  /(?:^|_)(?:SECRETS?|TOKENS?|PASSWORDS?|PASSWD|PASS|CREDENTIALS?|AUTH|ACCESS_KEY|PRIVATE_KEY|API_KEY|APIKEY)(?:_|$)/i;

/**
 * Shorter values are not hidden wherever they appear: a variable holding `1` or `on` would otherwise blank every
 * such letter of the output. A URL's credentials are removed by their place in the URL, whatever their length.
 */
const SHORTEST_SECRET = 4;

/** The credentials part of a URL in running text: `scheme://` then everything up to the last `@` before the host. */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]*(?:@[^\s/?#@]*)*@/gi;
/** The credentials part of a string that is one URL, as the URL parser reads it: up to the last `@` of the authority. */
const ONE_URL_CREDENTIALS = /^(\s*[a-z][a-z0-9+.-]*:[/\\]{2})[^/?#\\]*@/i;

/** `url` as written, without its user name and password, for a message. */
export function withoutCredentials(url: string): string {
  return url.replace(ONE_URL_CREDENTIALS, '$1').replace(URL_CREDENTIALS, '$1');
}

const base64 = (text: string): string => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

const decoded = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/**
 * The credentials a value holding URLs carries, in every form they may be printed in: as written, as the URL parser
 * encodes them, decoded, and as the Basic Authorization header an HTTP client makes of them.
 */
function urlSecrets(value: string): string[] {
  const userinfos = [...value.matchAll(URL_CREDENTIALS)].map((m) => m[0].slice(m[1]!.length, -1));
  const whole = ONE_URL_CREDENTIALS.exec(value);
  if (whole) userinfos.push(whole[0].slice(whole[1]!.length, -1));
  try {
    const url = new URL(value.trim());
    if (url.username || url.password) userinfos.push(`${url.username}:${url.password}`);
  } catch {
    // Not one URL: the credentials in running text above.
  }
  const found: string[] = [];
  for (const userinfo of userinfos) {
    const colon = userinfo.indexOf(':');
    const password = colon < 0 ? '' : userinfo.slice(colon + 1);
    for (const form of [userinfo, decoded(userinfo), password, decoded(password)]) if (form) found.push(form);
    found.push(base64(decoded(userinfo)));
  }
  return found;
}

/** Every secret held by an environment: the values of credential variables, and the credentials of URLs in any value. */
export function secretsIn(env: Readonly<Record<string, string | undefined>>): string[] {
  const secrets = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    if (!value) continue;
    if (CREDENTIAL_NAME.test(name)) {
      secrets.add(value);
      secrets.add(encodeURIComponent(value));
    }
    for (const secret of urlSecrets(value)) secrets.add(secret);
  }
  // Longest first: a secret that contains another is hidden whole.
  return [...secrets].filter((s) => s.length >= SHORTEST_SECRET).sort((a, b) => b.length - a.length);
}

/** `text` with the credentials of every URL in it and every one of `secrets` replaced by HIDDEN. */
export function redact(text: string, secrets: readonly string[]): string {
  let clean = text.replace(URL_CREDENTIALS, `$1${HIDDEN}@`);
  for (const secret of secrets) clean = clean.replaceAll(secret, HIDDEN);
  return clean;
}

/** A redaction of the secrets `env` holds (read once), for every line the deploy writes. */
export function redactorFor(env: Readonly<Record<string, string | undefined>>): (text: string) => string {
  const secrets = secretsIn(env);
  return (text) => redact(text, secrets);
}
