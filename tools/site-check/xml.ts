// XML well-formedness (XML 1.0 and namespaces) with a strict parser: an empty list when the document is well-formed.
import { SaxesParser } from 'saxes';

export function xmlErrors(text: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => errors.push(e.message));
  parser.write(text).close();
  return errors;
}
