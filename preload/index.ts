/**
 * The preload entry: exposes `window.api` (built from the contract in bridge.ts) to the sandboxed renderer.
 * Running this file IS its purpose, so its one statement is the side effect.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { exposeApi } from './bridge';

exposeApi(contextBridge, ipcRenderer);
