// Minimal method + path router: `/v1/organizations/users/:user_id` patterns, no dependencies.
import type { IncomingHttpHeaders } from 'node:http';
import type { Query } from './query';
import type { SandboxState } from './state';

export interface RequestContext {
  state: SandboxState;
  params: Record<string, string>;
  query: Query;
  body: unknown;
  headers: IncomingHttpHeaders;
  requestId: string;
}

export type Handler = (ctx: RequestContext) => unknown;

export interface RouteDef {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  handler: Handler;
}

interface CompiledRoute extends RouteDef {
  regex: RegExp;
  names: string[];
}

export interface RouteMatch {
  route: RouteDef;
  params: Record<string, string>;
}

export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(defs: RouteDef[]): this {
    for (const def of defs) {
      const names: string[] = [];
      const pattern = def.path.replace(/:([a-z_]+)/g, (_m, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      this.routes.push({ ...def, regex: new RegExp(`^${pattern}$`), names });
    }
    return this;
  }

  /** undefined = no such path; 'method' = path exists with another method */
  match(method: string, path: string): RouteMatch | 'method' | undefined {
    let pathExists = false;
    for (const route of this.routes) {
      const m = route.regex.exec(path);
      if (!m) continue;
      pathExists = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1] ?? '')));
      return { route, params };
    }
    return pathExists ? 'method' : undefined;
  }
}
