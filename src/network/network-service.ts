import type { Database, RoundTripObserver } from '../db/database.js';
import { findPaths, type FoundPath, type PathRequest } from './find-paths.js';
import { readNeighbourhood, type NeighbourhoodRequest, type NeighbourhoodView } from './neighbourhood.js';
import { readNetworkView, type NetworkRequest, type NetworkView } from './network-view.js';

/** The network reads of one request, counted like every other round trip. */
export class NetworkService {
  constructor(
    private readonly db: Database,
    private readonly observe?: RoundTripObserver,
  ) {}

  paths(request: PathRequest): Promise<FoundPath[]> {
    return findPaths(this.db, request, this.observe);
  }

  neighbourhood(request: NeighbourhoodRequest): Promise<NeighbourhoodView> {
    return readNeighbourhood(this.db, request, this.observe);
  }

  network(request: NetworkRequest): Promise<NetworkView> {
    return readNetworkView(this.db, request, this.observe);
  }
}
