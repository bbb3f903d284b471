import { CommandLink, commandsOfArgv, commandsOfScript, leadingSleepSeconds } from '../../src/lifecycle/shell-commands';

const argvs = (script: string) => commandsOfScript(script).map((c) => c.argv);

describe('shell commands: what a container really runs', () => {
  test('GIVEN separators THEN each simple command is found with how it is reached', () => {
    expect(commandsOfScript('a 1; b && c || d | e & f\ng').map((c) => [c.argv[0], c.link])).toEqual([
      ['a', CommandLink.ALWAYS], ['b', CommandLink.ALWAYS], ['c', CommandLink.ON_SUCCESS], ['d', CommandLink.ON_FAILURE],
      ['e', CommandLink.ALWAYS], ['f', CommandLink.ALWAYS], ['g', CommandLink.ALWAYS],
    ]);
  });

  test('GIVEN quotes and escapes THEN words are what the shell passes on, and quoted separators stay in the word', () => {
    expect(argvs('echo \'a; b\' "c && \\"d\\"" e\\ f')).toEqual([['echo', 'a; b', 'c && "d"', 'e f']]);
  });

  test('GIVEN a folded YAML line (one command) THEN curl is an argument, not a command', () => {
    expect(argvs('my_batch_job --dbname=x curl http://localhost:9091/quitquitquit\n')).toEqual([['my_batch_job', '--dbname=x', 'curl', 'http://localhost:9091/quitquitquit']]);
  });

  test('GIVEN comments, redirections, assignments and reserved words THEN only programs and their arguments remain', () => {
    expect(argvs('# setup\nFOO=1 exec run --x 2>&1 >/tmp/log # trailing\nif true; then curl -X POST a >/dev/null 2>/dev/null; fi')).toEqual([
      ['run', '--x'], ['true'], ['curl', '-X', 'POST', 'a'],
    ]);
  });

  test('GIVEN sh -c, trap and command substitution THEN their scripts are parsed too', () => {
    const all = commandsOfArgv(['/bin/sh', '-ec', 'trap "curl -X POST x" EXIT; r=$(wget -q y); run']);
    expect(all.map((c) => [c.argv[0], c.link])).toEqual([
      ['/bin/sh', CommandLink.ALWAYS], ['trap', CommandLink.ALWAYS], ['curl', CommandLink.TRAP], ['wget', CommandLink.ALWAYS], ['run', CommandLink.ALWAYS],
    ]);
  });

  test('GIVEN unclosed quotes or parentheses THEN it does not throw and keeps what it read', () => {
    expect(() => commandsOfScript('echo "abc; $(curl x')).not.toThrow();
    expect(argvs("echo 'abc")).toEqual([['echo', 'abc']]);
  });

  test.each([
    [['/bin/sh', '-c', 'sleep 30; redis-cli -p 26379 sentinel reset argocd'], 30],
    [['sleep', '5'], 5],
    [['sh', '-c', 'sleep 1.5s && x'], 1.5],
    [['sh', '-c', 'x; sleep 30'], undefined],
    [['sleep', 'infinity'], undefined],
    [['run'], undefined],
  ])('GIVEN %j THEN the leading sleep is %s seconds', (argv, seconds) => {
    expect(leadingSleepSeconds(argv)).toBe(seconds);
  });
});
