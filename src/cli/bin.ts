#!/usr/bin/env node
import { enableCompileCache } from 'node:module';
import { tuneNativeAllocator } from './native-allocator.ts';

// Node compiles every module (and strips the types of the TypeScript ones) at each start;
// its compile cache keeps that work between runs, which halves the start of every command.
// Enabled before the CLI's modules load, hence the dynamic import.
enableCompileCache?.();
// Before any module loads Astro's bundler (the integration imports Vite).
tuneNativeAllocator();
const { runCli } = await import('./index.ts');
await runCli();
