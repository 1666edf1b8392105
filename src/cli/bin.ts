#!/usr/bin/env node
import { runCli } from './index.ts';

await runCli();
