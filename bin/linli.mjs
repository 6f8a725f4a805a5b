#!/usr/bin/env node
// The `linli` command: runs the TypeScript entry through tsx's loader.
import { register } from 'tsx/esm/api';
register();
await import('../src/server/main.ts');
