import { releaseParkedExecutions } from '../nodes/MusicApi/jobs/callback/store';

// A node run in "Wait for Callback" mode leaves a wait-limit reminder pending in this process (n8n would keep
// running); a test file ends instead, so its reminders are cancelled rather than firing after teardown.
afterAll(() => releaseParkedExecutions());
