// Removes GOV.UK Frontend's hacks for Internet Explorer from the built CSS.
//
// Two components use `@media screen\0` and `(min-width: 0\0)`, which only old IE
// reads. Dart Sass writes the `\0` escape as U+FFFD, so the CSS is invalid (the
// Nu HTML Checker reports it) and no current browser applies those blocks anyway.
// Each such @media block is cut out whole, braces balanced.
import { readFileSync, writeFileSync } from "node:fs";

const REPLACEMENT_CHARACTER = "\uFFFD";

function stripHacks(css) {
  let out = "";
  let position = 0;
  for (;;) {
    const hack = css.indexOf(REPLACEMENT_CHARACTER, position);
    if (hack === -1) return out + css.slice(position);
    const start = css.lastIndexOf("@media", hack);
    const open = css.indexOf("{", hack);
    if (start < position || open === -1) {
      throw new Error(`U+FFFD outside an @media rule at ${hack}`);
    }
    let depth = 0;
    let end = open;
    for (; end < css.length; end += 1) {
      if (css[end] === "{") depth += 1;
      if (css[end] === "}") depth -= 1;
      if (depth === 0) break;
    }
    out += css.slice(position, start);
    position = end + 1;
  }
}

for (const file of process.argv.slice(2)) {
  writeFileSync(file, stripHacks(readFileSync(file, "utf8")));
}
