// A small evaluator for the custom formulas of conditional-format rules, so the workspace colours near-due rows as Sheets does.
// It knows what such rules use: numbers, text, relative and absolute A1 references, + - * / &, comparisons,
// AND, OR, NOT, IF, ISNUMBER, ISBLANK, ISTEXT, NOW, TODAY. Anything else evaluates to an error, which Sheets treats as false.

export type Value = number | string | boolean | null;

export interface FormulaContext {
  /** The cell's value at 1-based (row, col), dates already as serial day numbers. */
  value: (row: number, col: number) => Value;
  /** Now as a serial day number in the spreadsheet's time zone. */
  now: number;
}

type Token = { k: "num"; v: number } | { k: "str"; v: string } | { k: "ref"; col: number; row: number; absCol: boolean; absRow: boolean } | { k: "name"; v: string } | { k: "op"; v: string };

class FormulaError extends Error {}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const num = /^\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ k: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    if (ch === '"') {
      let s = "";
      i++;
      while (i < src.length) {
        if (src[i] === '"' && src[i + 1] === '"') {
          s += '"';
          i += 2;
        } else if (src[i] === '"') break;
        else s += src[i++];
      }
      if (src[i] !== '"') throw new FormulaError("unterminated string");
      i++;
      out.push({ k: "str", v: s });
      continue;
    }
    const ref = /^(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Z0-9(])/i.exec(src.slice(i));
    if (ref) {
      let col = 0;
      for (const c of ref[2].toUpperCase()) col = col * 26 + c.charCodeAt(0) - 64;
      out.push({ k: "ref", col, row: Number(ref[4]), absCol: ref[1] === "$", absRow: ref[3] === "$" });
      i += ref[0].length;
      continue;
    }
    const name = /^[A-Z][A-Z0-9.]*/i.exec(src.slice(i));
    if (name) {
      out.push({ k: "name", v: name[0].toUpperCase() });
      i += name[0].length;
      continue;
    }
    const op = /^(<=|>=|<>|[-+*/&=<>(),])/.exec(src.slice(i));
    if (!op) throw new FormulaError(`unexpected ${ch}`);
    out.push({ k: "op", v: op[0] });
    i += op[0].length;
  }
  return out;
}

const num = (v: Value): number => {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v === null || v === "") return 0;
  const n = Number(v);
  if (Number.isNaN(n)) throw new FormulaError("#VALUE!");
  return n;
};
const bool = (v: Value): boolean => (typeof v === "string" ? (v.toUpperCase() === "TRUE" ? true : v.toUpperCase() === "FALSE" ? false : !!num(v)) : !!num(v));

function compare(op: string, a: Value, b: Value): boolean {
  const an = a === null ? (typeof b === "string" ? "" : 0) : a;
  const bn = b === null ? (typeof a === "string" ? "" : 0) : b;
  let c: number;
  if (typeof an === "number" && typeof bn === "number") c = an - bn;
  else if (typeof an === "string" && typeof bn === "string") c = an.toLowerCase().localeCompare(bn.toLowerCase());
  else if (typeof an === "boolean" && typeof bn === "boolean") c = Number(an) - Number(bn);
  // Sheets orders numbers < text < booleans when types differ.
  else c = rank(an) - rank(bn);
  return op === "=" ? c === 0 : op === "<>" ? c !== 0 : op === "<" ? c < 0 : op === ">" ? c > 0 : op === "<=" ? c <= 0 : c >= 0;
}
const rank = (v: Value) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);

type Node =
  | { t: "lit"; v: Value }
  | { t: "ref"; col: number; row: number; absCol: boolean; absRow: boolean }
  | { t: "bin"; op: string; a: Node; b: Node }
  | { t: "neg"; a: Node }
  | { t: "call"; name: string; args: Node[] };

function parse(tokens: Token[]): Node {
  let p = 0;
  const peek = () => tokens[p];
  const isOp = (...v: string[]) => {
    const t = peek();
    return t?.k === "op" && v.includes(t.v);
  };
  const expectOp = (v: string) => {
    if (!isOp(v)) throw new FormulaError(`expected ${v}`);
    p++;
  };
  const level = (ops: string[], next: () => Node) => (): Node => {
    let left = next();
    while (isOp(...ops)) {
      const op = (tokens[p++] as { v: string }).v;
      left = { t: "bin", op, a: left, b: next() };
    }
    return left;
  };
  const unary = (): Node => {
    if (isOp("-")) {
      p++;
      return { t: "neg", a: unary() };
    }
    if (isOp("+")) {
      p++;
      return unary();
    }
    return primary();
  };
  const term = level(["*", "/"], unary);
  const additive = level(["+", "-"], term);
  const concat = level(["&"], additive);
  const comparison = level(["=", "<>", "<", ">", "<=", ">="], concat);
  function primary(): Node {
    const t = tokens[p++];
    if (!t) throw new FormulaError("unexpected end");
    if (t.k === "num" || t.k === "str") return { t: "lit", v: t.v };
    if (t.k === "ref") return { t: "ref", col: t.col, row: t.row, absCol: t.absCol, absRow: t.absRow };
    if (t.k === "name") {
      if (!isOp("(")) {
        if (t.v === "TRUE" || t.v === "FALSE") return { t: "lit", v: t.v === "TRUE" };
        throw new FormulaError(`#NAME? ${t.v}`);
      }
      p++;
      const args: Node[] = [];
      if (isOp(")")) p++;
      else
        for (;;) {
          args.push(comparison());
          if (isOp(",")) p++;
          else {
            expectOp(")");
            break;
          }
        }
      return { t: "call", name: t.v, args };
    }
    if (t.v === "(") {
      const v = comparison();
      expectOp(")");
      return v;
    }
    throw new FormulaError(`unexpected ${t.v}`);
  }
  const root = comparison();
  if (p !== tokens.length) throw new FormulaError("trailing input");
  return root;
}

/**
 * Evaluates `formula` (with or without its leading "=") for the cell at (row, col) of a rule whose range starts at
 * (anchorRow, anchorCol): relative references move with the cell, as in Sheets. IF evaluates only the branch it takes.
 */
export function evaluate(formula: string, ctx: FormulaContext, at: { row: number; col: number }, anchor: { row: number; col: number }): Value {
  const ev = (n: Node): Value => {
    switch (n.t) {
      case "lit":
        return n.v;
      case "ref":
        return ctx.value(n.absRow ? n.row : n.row + (at.row - anchor.row), n.absCol ? n.col : n.col + (at.col - anchor.col));
      case "neg":
        return -num(ev(n.a));
      case "bin": {
        const a = ev(n.a);
        const b = ev(n.b);
        if (n.op === "&") return `${a ?? ""}${b ?? ""}`;
        if (n.op === "+") return num(a) + num(b);
        if (n.op === "-") return num(a) - num(b);
        if (n.op === "*") return num(a) * num(b);
        if (n.op === "/") {
          if (num(b) === 0) throw new FormulaError("#DIV/0!");
          return num(a) / num(b);
        }
        return compare(n.op, a, b);
      }
      case "call": {
        const v = (i: number): Value => (n.args[i] ? ev(n.args[i]) : null);
        switch (n.name) {
          case "AND":
            return n.args.every((x) => bool(ev(x)));
          case "OR":
            return n.args.some((x) => bool(ev(x)));
          case "NOT":
            return !bool(v(0));
          case "IF":
            return bool(v(0)) ? v(1) : n.args.length > 2 ? v(2) : false;
          case "ISNUMBER":
            return typeof v(0) === "number";
          case "ISTEXT":
            return typeof v(0) === "string" && v(0) !== "";
          case "ISBLANK":
            return v(0) === null;
          case "NOW":
            return ctx.now;
          case "TODAY":
            return Math.floor(ctx.now);
          default:
            throw new FormulaError(`#NAME? ${n.name}`);
        }
      }
    }
  };
  return ev(parse(tokenize(formula.replace(/^\s*=/, ""))));
}

/** Whether a custom-formula rule applies to a cell: an error or a non-true result means no. */
export function satisfied(formula: string, ctx: FormulaContext, at: { row: number; col: number }, anchor: { row: number; col: number }): boolean {
  try {
    return bool(evaluate(formula, ctx, at, anchor));
  } catch {
    return false;
  }
}
