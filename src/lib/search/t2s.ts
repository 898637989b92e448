// The traditional → simplified character table of the search (normalise.ts), made at build time
// from opencc-js: every CJK character (basic block and extension A) that OpenCC's Hong Kong or
// Taiwan → mainland converter turns into one other character. ~3,200 pairs, ~14 KB gzip.
import * as OpenCC from 'opencc-js/t2cn';
import { T2S_RANGE, type T2sPairs } from './normalise.ts';

let pairs: T2sPairs | undefined;

export function t2sPairs(): T2sPairs {
  if (pairs !== undefined) return pairs;
  const fromHk = OpenCC.Converter({ from: 'hk', to: 'cn' });
  const fromTw = OpenCC.Converter({ from: 'tw', to: 'cn' });
  let out = '';
  for (let code = T2S_RANGE.from; code <= T2S_RANGE.to; code++) {
    const ch = String.fromCodePoint(code);
    let simplified = fromHk(ch);
    if (simplified === ch) simplified = fromTw(ch);
    if (simplified !== ch && [...simplified].length === 1) out += ch + simplified;
  }
  return (pairs = out);
}
