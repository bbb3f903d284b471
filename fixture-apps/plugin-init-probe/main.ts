import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';

// Plain cdk8s-plus, no cdk8s-sidecars construct: only the validation plugin in cdk8s.yaml checks it.
const app = new App();
const chart = new Chart(app, 'shop');
const web = new kplus.Deployment(chart, 'web', { containers: [{ name: 'app', image: 'shop/web:1.0', portNumber: 8080 }] });
// cdk8s-plus gives a container with a portNumber a TCP startupProbe, this regular init container
// too, and the API server rejects a probe on a regular init container.
web.addInitContainer({ name: 'migrate', image: 'shop/migrate:1.0', portNumber: 5432 });
app.synth();
