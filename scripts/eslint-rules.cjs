'use strict';
/**
 * Brug's own ESLint rules (used by eslint.config.mjs; test/lint.test.ts runs them on fixtures).
 *
 * `feature-cycles`: an import from one feature folder (a folder directly under `root`, such as
 * `src/cases`) into another is an error when that other folder imports the first back, directly
 * or through further folders: the folders would form a cycle. ESLint sees one file at a time,
 * so the rule reads the relative imports of every file under `root` once per process and builds
 * the folder graph from them (the file being linted counts as it is in the editor). Files
 * directly in `root` (the composition root: main.ts, app.module.ts) belong to no folder, and so
 * do the folders named in `shared` (infrastructure every feature uses: common, config, database)
 * and unit tests (`*.spec.ts`, which may compose fixtures from several features).
 * `knownCycleEdges` lists imports `[from, to]` that are part of a cycle today and are let
 * through until the cycle is broken; any other import that closes a cycle is reported.
 * Why a rule of our own: import-x's `no-cycle` and dependency-cruiser's `no-circular` find
 * cycles between files, and two folders can import each other without any file cycle.
 */
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const SOURCE = /\.(ts|tsx|mts|cts|js|cjs|mjs)$/;
const TEST = /\.(spec|test)\.[cm]?[jt]sx?$/;

/** Every source file under a folder (node_modules and dist left out). */
function sourceFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (SOURCE.test(entry.name) && !TEST.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      out.push(full);
    }
  }
  return out;
}

/**
 * The feature folder a path lies in (its first folder under `layout.root`), or null: a file of
 * the root itself, a shared folder, or outside the root.
 */
function folderOf(layout, file) {
  const rel = path.relative(layout.root, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  let folder = parts.length > 1 ? parts[0] : null;
  // `../cases` (a folder's index) is that folder; `../main` is a file of the root.
  if (folder === null && fs.existsSync(file) && fs.statSync(file).isDirectory()) folder = parts[0];
  return folder === null || layout.shared.has(folder) ? null : folder;
}

/** The folder a relative import specifier of `file` points into, or null (a package, the root). */
function importedFolder(layout, file, specifier) {
  if (!specifier.startsWith('.')) return null;
  return folderOf(layout, path.resolve(path.dirname(file), specifier));
}

/** Per layout: file → the other folders it imports (read from disk once per process). */
const graphs = new Map();

function diskGraph(layout) {
  const key = `${layout.root}\u0000${[...layout.shared].sort().join(',')}`;
  let graph = graphs.get(key);
  if (graph) return graph;
  graph = new Map();
  for (const file of sourceFiles(layout.root)) {
    const own = folderOf(layout, file);
    if (own === null) continue;
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    const targets = new Set();
    for (const { fileName } of importedFiles) {
      const target = importedFolder(layout, file, fileName);
      if (target !== null && target !== own) targets.add(target);
    }
    graph.set(file, targets);
  }
  graphs.set(key, graph);
  return graph;
}

/** The folder graph: folder → the folders it imports. */
function folderEdges(layout, skipFile) {
  const edges = new Map();
  for (const [file, targets] of diskGraph(layout)) {
    if (file === skipFile) continue;
    const from = folderOf(layout, file);
    if (!edges.has(from)) edges.set(from, new Set());
    for (const to of targets) edges.get(from).add(to);
  }
  return edges;
}

const layoutOf = (cwd, options) => ({
  root: path.resolve(cwd, options.root),
  shared: new Set(options.shared ?? []),
});

/** A path of folders from `start` to `goal` (breadth first), or null. */
function pathBetween(edges, start, goal) {
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const at = queue.shift();
    if (at === goal) {
      const found = [];
      for (let step = goal; step !== null; step = previous.get(step)) found.unshift(step);
      return found;
    }
    for (const next of edges.get(at) ?? []) {
      if (!previous.has(next)) {
        previous.set(next, at);
        queue.push(next);
      }
    }
  }
  return null;
}

const featureCycles = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid import cycles between feature folders' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          shared: { type: 'array', items: { type: 'string' } },
          knownCycleEdges: {
            type: 'array',
            items: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 2 },
          },
        },
        required: ['root'],
        additionalProperties: false,
      },
    ],
    messages: {
      cycle:
        'Import cycle between feature folders: {{cycle}}. A feature folder may import another ' +
        'only if that one does not import it back, directly or through others (docs/development.md).',
    },
  },
  create(context) {
    const options = context.options[0];
    const layout = layoutOf(context.cwd, options);
    const file = path.resolve(context.filename);
    const own = TEST.test(file) ? null : folderOf(layout, file);
    if (own === null) return {};
    const known = new Set((options.knownCycleEdges ?? []).map(([a, b]) => `${a}\u0000${b}`));
    const imports = [];
    const collect = (node, source) => {
      if (source && source.type === 'Literal' && typeof source.value === 'string') {
        imports.push({ node, specifier: source.value });
      }
    };
    return {
      ImportDeclaration: (node) => collect(node, node.source),
      ExportNamedDeclaration: (node) => collect(node, node.source),
      ExportAllDeclaration: (node) => collect(node, node.source),
      ImportExpression: (node) => collect(node, node.source),
      TSImportEqualsDeclaration: (node) => collect(node, node.moduleReference.expression),
      'Program:exit'() {
        const here = [];
        for (const { node, specifier } of imports) {
          const target = importedFolder(layout, file, specifier);
          if (target !== null && target !== own) here.push({ node, target });
        }
        // The folder graph with this file as it is now, not as it was read from disk.
        const edges = folderEdges(layout, file);
        if (!edges.has(own)) edges.set(own, new Set());
        for (const { target } of here) edges.get(own).add(target);
        const reported = new Set();
        for (const { node, target } of here) {
          if (known.has(`${own}\u0000${target}`) || reported.has(target)) continue;
          const back = pathBetween(edges, target, own);
          if (back === null) continue;
          reported.add(target);
          context.report({ node, messageId: 'cycle', data: { cycle: [own, ...back].join(' → ') } });
        }
      },
    };
  },
};

/** Every import between feature folders that lies on a cycle, as `[from, to]` (rule options). */
function cycleEdges(cwd, options) {
  const edges = folderEdges(layoutOf(cwd, options), null);
  const found = [];
  for (const [from, targets] of edges) {
    for (const to of targets) if (pathBetween(edges, to, from)) found.push([from, to]);
  }
  return found.sort((a, b) => a.join('/').localeCompare(b.join('/')));
}

module.exports = { plugin: { rules: { 'feature-cycles': featureCycles } }, cycleEdges };
