import {
  CommandLink, commandsOfArgv, commandsOfScript, leadingSleepSeconds, parseScript, scriptTokens, shellScriptOf, ShellList,
} from '../../src/lifecycle/shell-commands';

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

/** A parsed list in a compact form: `kind(words)[parts|...]`, `&` after a background item. */
function shape(list: ShellList): string {
  const node = (n: ShellList[number]['commands'][number]): string =>
    `${n.kind}${n.words.length ? `(${n.words.join(' ')})` : ''}${n.parts.length ? `[${n.parts.map(shape).join('|')}]` : ''}`;
  return list.map((item) => item.commands.map(node).join(' ') + (item.background ? ' &' : '')).join('; ');
}

describe('shell structure: what runs in the foreground and what a loop can leave', () => {
  test('GIVEN the marker-file workaround THEN the helper is in the background and the loop body holds the exit', () => {
    const script = '/bin/db-proxy & PID=$!; while true; do if [ -f /shared/done ]; then kill $PID; exit 0; fi; sleep 1; done';
    expect(shape(parseScript(script))).toEqual(
      'simple(/bin/db-proxy) &; simple(PID=$!); '
      + 'while[simple(true)|if[simple([ -f /shared/done ])|simple(kill $PID); simple(exit 0)]; simple(sleep 1)]');
  });

  test('GIVEN subshells, pipelines, and-or lists, case, for, functions and redirections THEN each has its place', () => {
    const script = '(while :; do x; done) &\nf() { exit 1; }\na && b | c 2>&1 >/dev/null; '
      + 'for i in 1 2; do d; done; case $1 in a|b) e;; *) g;; esac';
    expect(shape(parseScript(script))).toEqual(
      '([while[simple(:)|simple(x)]] &; function(f)[{[simple(exit 1)]]; simple(a) simple(b) simple(c); for[|simple(d)]; case[simple(e)|simple(g)]');
  });

  test('GIVEN arithmetic $((...)) THEN it stays in its word and is no command', () => {
    expect(scriptTokens('i=$((i+1)); echo $(date)'))
      .toEqual([{ word: 'i=$((i+1))' }, { op: ';' }, { word: 'echo' }, { nested: 'date' }, { word: '$(date)' }]);
    expect(argvs('i=$((i + 1)); x')).toEqual([['x']]);
  });

  test.each([
    'while true; do', 'if a; then b', 'case x in a) b', '( ( (', ')) done fi esac }', '&& || ; ;; &', 'f() ', 'for', '"unclosed $(x',
  ])('GIVEN the broken script %j THEN parsing does not throw', (script) => {
    expect(() => parseScript(script)).not.toThrow();
  });

  test.each([
    [['sh', '-c', 'a; b'], 'a; b'],
    [['/bin/bash', '-ec', 'x'], 'x'],
    [['sh', '/script.sh'], undefined],
    [['envoy', '-c', 'x'], undefined],
    [['sh', '-c'], undefined],
  ])('GIVEN %j THEN the shell script is %j', (argv, script) => {
    expect(shellScriptOf(argv)).toBe(script);
  });
});
