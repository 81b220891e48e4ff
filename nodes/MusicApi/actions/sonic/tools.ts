import type { Operation } from '../../base/operation';
import { createVoice } from './createVoice.operation';
import { mashup } from './mashup.operation';
import { replaceSection } from './replaceSection.operation';
import { sample } from './sample.operation';
import { stems } from './stems.operation';
import { uploadCover } from './uploadCover.operation';
import { uploadExtend } from './uploadExtend.operation';

/** Sonic endpoints that start a job (stems, mashup, replace section, sample, voice, upload & cover/extend). */
export const sonicTools: Operation[] = [createVoice, stems, mashup, replaceSection, sample, uploadCover, uploadExtend];
