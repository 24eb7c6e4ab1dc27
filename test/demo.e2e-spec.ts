import { DEMO_PASSWORD, seedDemo } from '../src/demo/demo.seed.js';
import { outboxMessages, signIn } from './support/http.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('Demo company', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  it('seeds the five documented sign-ins, each landing on a home page for its roles', async () => {
    const people = await seedDemo(testApp.app);
    expect(people.map((person) => person.email)).toEqual([
      'admin@keeper.demo',
      'manager@keeper.demo',
      'interviewer@keeper.demo',
      'interviewer2@keeper.demo',
      'newhire@keeper.demo',
    ]);
    for (const person of people) {
      const agent = await signIn(testApp, person.email, DEMO_PASSWORD);
      const home = await agent.get('/').expect(200);
      expect(home.text).toContain(`Hello, ${person.name.split(' ')[0]}`);
    }
    const admin = await signIn(testApp, 'admin@keeper.demo', DEMO_PASSWORD);
    const invited = await admin.get('/people?status=invited').expect(200);
    expect(invited.text).toContain('Sam Carter');
    expect(invited.text).toContain('Lee Park');
    expect((await outboxMessages(testApp.dataSource)).map((mail) => mail.to)).toEqual(['sam.carter@keeper.demo', 'lee.park@keeper.demo']);
  });
});
