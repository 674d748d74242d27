/// <reference lib="webworker" />
import { serveCall } from '../../lib/worker-call';
import { aggregateSources } from './aggregate-sources';

serveCall(aggregateSources);
