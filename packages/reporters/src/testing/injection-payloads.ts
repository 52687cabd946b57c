/** Agent answers that try to run script in a report: none of them may execute or become markup. */
export const injectionPayloads = [
  '</script><script>window.pwned=1</script>',
  '<img src=x onerror="window.pwned=2">',
  '<!--<script>window.pwned=3</script>',
  'line\u2028sep\u2029</SCRIPT ><script>window.pwned=4</script>',
  '<a href="javascript:window.pwned=5">click me</a> [md](javascript:window.pwned=6)',
  '<svg onload="window.pwned=7"></svg><iframe src="javascript:window.pwned=8"></iframe>',
  '<style>body{display:none}</style><link rel=stylesheet href=https://evil.example/x.css>',
  '"><script>window.pwned=9</script><base href="https://evil.example/">',
];
