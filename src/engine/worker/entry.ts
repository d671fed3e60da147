import * as Comlink from 'comlink';
import { engineApi } from './api';

Comlink.expose(engineApi);
