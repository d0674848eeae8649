#!/usr/bin/env node
// The novaspec command from the sources, for use inside this repository (the package ships dist/cli.js).
import { main } from '../src/cli.ts';

process.exitCode = main(process.argv.slice(2));
