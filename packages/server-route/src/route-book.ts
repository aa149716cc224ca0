/** `RouteBook`: finds a route by any spelling of its name. */
import type { Route } from './schemas.js';
import { normaliseName } from './words.js';

/**
 * Looks route names up the forgiving way: by `normaliseName`, so `"BILLING "` finds `billing`.
 * Route names are distinct in that form (the input schema checks it).
 */
export class RouteBook {
  readonly names: string[];
  private readonly byForm: Map<string, string>;

  constructor(routes: readonly Route[]) {
    this.names = routes.map((route) => route.name);
    this.byForm = new Map(routes.map((route) => [normaliseName(route.name), route.name]));
  }

  /** The canonical name `spelling` refers to, or undefined when it names no route. */
  canonical(spelling: string): string | undefined {
    return this.byForm.get(normaliseName(spelling));
  }
}
