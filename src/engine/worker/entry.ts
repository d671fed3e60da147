import * as Comlink from 'comlink';
import { exposedEngineApi } from './api';

Comlink.expose(exposedEngineApi);
