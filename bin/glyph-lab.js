#!/usr/bin/env node
// The `glyph-lab` command: runs app/cli/main.ts through tsx's loader (no build step needed).
import { register } from 'tsx/esm/api';

register();
await import('../app/cli/main.ts');
