// Scope-aware free identifiers of a script (acorn AST): the globals a bundle reads or writes without declaring them.
import { parse } from "acorn";

// biome-ignore lint/suspicious/noExplicitAny: ESTree nodes are walked generically.
type Node = { type: string; [key: string]: any };

class Scope {
  readonly names = new Set<string>();
  constructor(readonly parent: Scope | null) {}
  has(name: string): boolean {
    return this.names.has(name) || (this.parent?.has(name) ?? false);
  }
}

function patternNames(p: Node | null, out: string[] = []): string[] {
  if (!p) return out;
  if (p.type === "Identifier") out.push(p.name);
  else if (p.type === "ObjectPattern") for (const prop of p.properties) patternNames(prop.type === "RestElement" ? prop.argument : prop.value, out);
  else if (p.type === "ArrayPattern") for (const el of p.elements) patternNames(el, out);
  else if (p.type === "RestElement") patternNames(p.argument, out);
  else if (p.type === "AssignmentPattern") patternNames(p.left, out);
  return out;
}

/** var declarations and function declarations of a function body, without entering nested functions. */
function hoistVars(node: Node, scope: Scope): void {
  if (!node || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const n of node) hoistVars(n, scope);
    return;
  }
  if (node.type === "VariableDeclaration" && node.kind === "var") for (const d of node.declarations) for (const n of patternNames(d.id)) scope.names.add(n);
  if (node.type === "FunctionDeclaration") {
    scope.names.add(node.id.name);
    return;
  }
  if (/Function|Class/.test(node.type)) return;
  for (const key of Object.keys(node)) {
    const v = node[key];
    if (v && typeof v === "object" && key !== "loc") hoistVars(v, scope);
  }
}

/** let/const/class/function declared directly in a block's statement list. */
function declareLexical(statements: Node[], scope: Scope): void {
  for (const s of statements) {
    if (s.type === "VariableDeclaration" && s.kind !== "var") for (const d of s.declarations) for (const n of patternNames(d.id)) scope.names.add(n);
    if ((s.type === "ClassDeclaration" || s.type === "FunctionDeclaration") && s.id) scope.names.add(s.id.name);
  }
}

export function freeIdentifiers(code: string): Set<string> {
  const free = new Set<string>();
  const program = parse(code, { ecmaVersion: 2022, sourceType: "script" }) as unknown as Node;

  const ref = (id: Node, scope: Scope) => {
    if (!scope.has(id.name)) free.add(id.name);
  };

  /** Visits a pattern in a declaration: names are declared elsewhere, but defaults and computed keys are expressions. */
  const pattern = (p: Node | null, scope: Scope): void => {
    if (!p) return;
    if (p.type === "ObjectPattern") {
      for (const prop of p.properties) {
        if (prop.type === "RestElement") pattern(prop.argument, scope);
        else {
          if (prop.computed) visit(prop.key, scope);
          pattern(prop.value, scope);
        }
      }
    } else if (p.type === "ArrayPattern") {
      for (const e of p.elements) pattern(e, scope);
    }
    else if (p.type === "RestElement") pattern(p.argument, scope);
    else if (p.type === "AssignmentPattern") {
      pattern(p.left, scope);
      visit(p.right, scope);
    } else if (p.type !== "Identifier") visit(p, scope);
  };

  const fn = (node: Node, outer: Scope): void => {
    let scope = outer;
    if (node.type === "FunctionExpression" && node.id) {
      scope = new Scope(outer);
      scope.names.add(node.id.name);
    }
    const inner = new Scope(scope);
    if (node.type !== "ArrowFunctionExpression") inner.names.add("arguments");
    for (const p of node.params) for (const n of patternNames(p)) inner.names.add(n);
    for (const p of node.params) pattern(p, inner);
    if (node.body.type === "BlockStatement") {
      hoistVars(node.body.body, inner);
      declareLexical(node.body.body, inner);
      for (const s of node.body.body) visit(s, inner);
    } else visit(node.body, inner);
  };

  const visit = (node: Node | null, scope: Scope): void => {
    if (!node) return;
    switch (node.type) {
      case "Identifier":
        ref(node, scope);
        return;
      case "FunctionDeclaration":
      case "FunctionExpression":
      case "ArrowFunctionExpression":
        fn(node, scope);
        return;
      case "ClassDeclaration":
      case "ClassExpression": {
        const inner = new Scope(scope);
        if (node.id) inner.names.add(node.id.name);
        visit(node.superClass, scope);
        for (const el of node.body.body) {
          if (el.computed) visit(el.key, inner);
          if (el.type === "StaticBlock") {
            const block = new Scope(inner);
            declareLexical(el.body, block);
            for (const s of el.body) visit(s, block);
          } else visit(el.value, inner);
        }
        return;
      }
      case "VariableDeclaration":
        for (const d of node.declarations) {
          pattern(d.id, scope);
          visit(d.init, scope);
        }
        return;
      case "BlockStatement":
      case "StaticBlock": {
        const inner = new Scope(scope);
        declareLexical(node.body, inner);
        for (const s of node.body) visit(s, inner);
        return;
      }
      case "SwitchStatement": {
        visit(node.discriminant, scope);
        const inner = new Scope(scope);
        for (const c of node.cases) declareLexical(c.consequent, inner);
        for (const c of node.cases) {
          visit(c.test, inner);
          for (const s of c.consequent) visit(s, inner);
        }
        return;
      }
      case "ForStatement":
      case "ForInStatement":
      case "ForOfStatement": {
        const inner = new Scope(scope);
        const head = node.type === "ForStatement" ? node.init : node.left;
        if (head?.type === "VariableDeclaration" && head.kind !== "var") for (const d of head.declarations) for (const n of patternNames(d.id)) inner.names.add(n);
        for (const key of ["init", "test", "update", "left", "right", "body"]) if (node[key]) visit(node[key], inner);
        return;
      }
      case "CatchClause": {
        const inner = new Scope(scope);
        for (const n of patternNames(node.param)) inner.names.add(n);
        pattern(node.param, inner);
        visit(node.body, inner);
        return;
      }
      case "MemberExpression":
        visit(node.object, scope);
        if (node.computed) visit(node.property, scope);
        return;
      case "Property":
      case "PropertyDefinition":
      case "MethodDefinition":
        if (node.computed) visit(node.key, scope);
        visit(node.value, scope);
        return;
      case "LabeledStatement":
        visit(node.body, scope);
        return;
      case "BreakStatement":
      case "ContinueStatement":
      case "MetaProperty":
        return;
      default:
        for (const key of Object.keys(node)) {
          const v = node[key];
          if (Array.isArray(v)) {
            for (const x of v) if (x && typeof x.type === "string") visit(x, scope);
          }
          else if (v && typeof v === "object" && typeof v.type === "string") visit(v, scope);
        }
    }
  };

  const top = new Scope(null);
  hoistVars(program.body, top);
  declareLexical(program.body, top);
  for (const s of program.body) visit(s, top);
  return free;
}
