/** Loads what charts are drawn with (see drawing.ts): imported for this effect by what renders. */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { provideDrawing } from './drawing.ts';

provideDrawing(Plot, parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document);
