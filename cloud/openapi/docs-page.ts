import type { OpenApiDocument, OperationObject, ResponseObject } from './document.ts';
import { escapeHtml as e, schemaAnchor, schemaHtml, typeLabel } from './schema-html.ts';

type Schema = Record<string, unknown>;

// Inline so that the page works offline and from any origin: no script, no font, no stylesheet to fetch.
const STYLE = `body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
code{font:13px ui-monospace,monospace;background:#f3f3f5;padding:0 .2em;border-radius:3px}
section.op{border-top:1px solid #ddd;padding:.4rem 0}.method{font:bold 13px ui-monospace,monospace;padding:.1em .4em;border-radius:3px;color:#fff;background:#3b6fb6}
.method.post{background:#2e8b57}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}
.notes{color:#555}ul{margin:.2rem 0}nav ul{columns:2}`;

const schemaLink = (schema: Schema | undefined) => (schema ? typeLabel(schema) : '');

function bodyOf(content: Record<string, { schema: Schema }> | undefined): Schema | undefined {
  return content ? Object.values(content)[0]?.schema : undefined;
}

function responsesHtml(responses: Record<string, ResponseObject>): string {
  const rows = Object.entries(responses).map(([status, r]) => {
    const errors = r['x-error-codes'];
    const text = errors
      ? `${errors.map((x) => `<code>${e(x.code)}</code> ${e(x.description)}`).join('<br>')}`
      : e(r.description);
    return `<tr><td>${e(status)}</td><td>${schemaLink(bodyOf(r.content))}</td><td>${text}</td></tr>`;
  });
  return `<table><tr><th>status</th><th>body</th><th>meaning / error codes</th></tr>${rows.join('')}</table>`;
}

function parametersHtml(doc: OpenApiDocument, op: OperationObject): string {
  if (!op.parameters) return '';
  const rows = op.parameters.map((p) => {
    const param = typeof p.$ref === 'string' ? doc.components.parameters[p.$ref.slice(p.$ref.lastIndexOf('/') + 1)] ?? {} : p;
    return `<tr><td><code>${e(String(param.name))}</code></td><td>${e(String(param.in))}</td><td>${schemaHtml(param.schema as Schema)}</td></tr>`;
  });
  return `<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>schema</th></tr>${rows.join('')}</table>`;
}

function operationHtml(doc: OpenApiDocument, path: string, method: string, op: OperationObject): string {
  const body = bodyOf(op.requestBody?.content as Record<string, { schema: Schema }> | undefined);
  return `<section class="op" id="op-${e(op.operationId)}"><h3><span class="method ${e(method)}">${e(method.toUpperCase())}</span> <code>${e(path)}</code></h3>
<p>${e(op.summary)}</p>${op.description ? `<p>${e(op.description)}</p>` : ''}
<p>Security: ${securityHtml(op)}</p>
${parametersHtml(doc, op)}${body ? `<h4>Request body (application/json): ${schemaLink(body)}</h4>` : ''}
<h4>Responses</h4>${responsesHtml(op.responses)}</section>`;
}

function securityHtml(op: OperationObject): string {
  if (op.security.length === 0) return 'none';
  if (!op.security.some((r) => 'operatorSession' in r)) return '<a href="#security">signed wallet request</a>';
  const permission = op['x-permission'] ? `, permission <code>${e(op['x-permission'])}</code>` : '';
  return `<a href="#security">operator session cookie (with X-CSRF-Token on writes) or API key</a>${permission}`;
}

/** The document as one HTML page: every operation with its parameters, bodies and error codes, then every schema. */
export function docsPage(doc: OpenApiDocument): string {
  const ops = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));
  const nav = ops.map(({ path, method, op }) => `<li><a href="#op-${e(op.operationId)}">${e(method.toUpperCase())} ${e(path)}</a></li>`).join('');
  const security = Object.values(doc.components.securitySchemes).map((s) => {
    const scheme = s as { name?: string; in?: string; description: string };
    const where = scheme.in === 'cookie' ? `Cookie ${scheme.name ?? ''}` : scheme.name ?? 'Authorization: Bearer';
    return `<li><code>${e(where)}</code>: ${e(scheme.description)}</li>`;
  }).join('');
  const schemas = Object.entries(doc.components.schemas)
    .map(([name, schema]) => `<section id="${schemaAnchor(e(name))}"><h3>${e(name)}</h3>${schemaHtml(schema)}</section>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${e(doc.info.title)} ${e(doc.info.version)}</title><style>${STYLE}</style></head><body>
<h1>${e(doc.info.title)} <small>${e(doc.info.version)}</small></h1><p>${e(doc.info.description)}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI ${e(doc.openapi)}).</p>
<nav><h2>Operations</h2><ul>${nav}</ul></nav>
<h2 id="security">Signed wallet requests and operator credentials</h2><ul>${security}</ul>
${ops.map(({ path, method, op }) => operationHtml(doc, path, method, op)).join('\n')}
<h2>Schemas</h2>${schemas}</body></html>`;
}
