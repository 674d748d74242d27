/// <reference lib="webworker" />
import { serveCall } from '../../lib/worker-call';
import { computeLayout } from './layout';

serveCall(computeLayout);
