"""The deployment files agree with each other and with the app (no engine runs here: Docker and
Kubernetes are not on this machine, so what can be checked without them is checked here: the
Kubernetes manifests against the API's own schemas, offline, by kubernetes-validate; nginx itself
runs the configuration in ``tests/test_proxy.py``)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import kubernetes_validate
import pytest
import yaml

from kalimantan_equity.services.upload import reader
from tests import proxy_support
from tests.conftest import ROOT

COMPOSE = yaml.safe_load((proxy_support.DEPLOY / "compose.yaml").read_text())
K8S = {
    doc["kind"] + "/" + doc["metadata"]["name"]: doc
    for path in sorted((proxy_support.DEPLOY / "k8s").glob("*.yaml"))
    if path.name != "kustomization.yaml"
    for doc in yaml.safe_load_all(path.read_text())
}
TEMPLATE = proxy_support.TEMPLATE.read_text()


def _mb(size: str) -> int:
    match = re.fullmatch(r"(\d+)m", size)
    assert match, size
    return int(match.group(1))


def test_nginx_accepts_the_compose_configuration(tmp_path: Path) -> None:
    """``nginx -t`` on the template as compose renders it (its listen and geometry folder; the replica
    addresses are loopback ones, as Docker's ``app`` name does not resolve outside compose)."""
    env = COMPOSE["services"]["proxy"]["environment"]
    geo = tmp_path / "geo"
    geo.mkdir()
    main = proxy_support.write_config(
        tmp_path / "nginx", "127.0.0.1:" + str(proxy_support.free_port()), ["127.0.0.1:1", "127.0.0.1:2"], geo
    )
    done = proxy_support.check_config(main)
    assert done.returncode == 0, done.stderr
    assert "test is successful" in done.stderr
    assert env["EQUITY_LISTEN"] == "80" and env["EQUITY_UPSTREAMS"] == "server app:8501;"


def test_every_template_variable_is_set_where_the_template_is_rendered() -> None:
    used = set(re.findall(r"\$\{(EQUITY_[A-Z_]+)\}", TEMPLATE))
    assert used == {"EQUITY_LISTEN", "EQUITY_UPSTREAMS", "EQUITY_GEO_ROOT"}
    assert used <= set(COMPOSE["services"]["proxy"]["environment"])
    proxy_stage = " ".join(proxy_support._stage("proxy"))
    assert all(f"{name}=" in proxy_stage for name in used)  # the image's defaults
    assert "NGINX_ENVSUBST_FILTER=^EQUITY_" in proxy_stage  # nginx's own $variables are never substituted


def test_upload_limits_agree_from_the_app_to_the_proxy() -> None:
    """Streamlit's limit is the app's own (so nothing larger is sent only to be refused), and both proxies let it through."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    streamlit_mb = config["server"]["maxUploadSize"]
    assert streamlit_mb * 1024 * 1024 == reader.MAX_FILE_BYTES
    (nginx_size,) = re.findall(r"client_max_body_size (\S+);", TEMPLATE)
    ingress_size = K8S["Ingress/equity-dashboard"]["metadata"]["annotations"]["nginx.ingress.kubernetes.io/proxy-body-size"]
    assert _mb(nginx_size) == _mb(ingress_size) > streamlit_mb  # room for the multipart envelope, no more


def test_sticky_cookie_websocket_and_geometry_caching_are_configured_alike() -> None:
    annotations = K8S["Ingress/equity-dashboard"]["metadata"]["annotations"]
    (cookie,) = re.findall(r"userid_name\s+(\S+);", TEMPLATE)
    assert annotations["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert annotations["nginx.ingress.kubernetes.io/session-cookie-name"] == cookie
    assert re.search(r"hash \$equity_route consistent;", TEMPLATE) and f"$cookie_{cookie}" in TEMPLATE
    assert "proxy_set_header Upgrade $http_upgrade;" in TEMPLATE
    immutable = "public, max-age=31536000, immutable"
    assert immutable in TEMPLATE
    assert K8S["ConfigMap/equity-geo-headers"]["data"]["Cache-Control"] == immutable


def test_the_data_build_is_a_step_of_its_own_and_replicas_only_serve() -> None:
    app = COMPOSE["services"]["app"]
    assert app["environment"]["EQUITY_BUILD_ON_REQUEST"] == "0" and app["read_only"] is True
    assert "EQUITY_UPLOADS_DSN" in app["environment"]
    assert proxy_support.image_env()["EQUITY_BUILD_ON_REQUEST"] == "0"
    assert any("python -m kalimantan_equity.data.build" in line for line in proxy_support._stage("data"))
    job = K8S["Job/equity-data-build"]["spec"]["template"]["spec"]["containers"][0]
    assert job["command"] == ["python", "-m", "kalimantan_equity.data.build"]
    pod = K8S["Deployment/equity-dashboard"]["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    env = {e["name"]: e.get("value") for e in container["env"]}
    assert env["EQUITY_BUILD_ON_REQUEST"] == "0"
    assert all(m["readOnly"] for m in container["volumeMounts"] if m["name"] == "warehouse")
    assert container["readinessProbe"]["httpGet"]["path"] == "/_stcore/health"
    assert "command" not in container  # the image's own CMD, the one tests/test_proxy.py runs


@pytest.mark.parametrize("stage", ["app", "proxy"])
def test_the_image_stages_exist(stage: str) -> None:
    assert proxy_support._stage(stage), f"deploy/Dockerfile has no stage {stage}"


@pytest.mark.parametrize("version", ["1.30.0", "1.37.0"])  # the oldest still supported by the big clouds, and the newest
def test_the_kubernetes_manifests_are_valid_objects_of_the_api(version: str) -> None:
    """What ``kubectl apply -k deploy/k8s`` sends, checked against the Kubernetes API's own schema,
    strictly: a misspelt or misplaced field fails here instead of at a provincial data centre."""
    kustomization = yaml.safe_load((proxy_support.DEPLOY / "k8s" / "kustomization.yaml").read_text())
    listed = kustomization["resources"]
    on_disk = sorted(p.name for p in (proxy_support.DEPLOY / "k8s").glob("*.yaml") if p.name != "kustomization.yaml")
    assert sorted(listed) == on_disk  # every manifest is applied, and nothing applied is missing
    checked = []
    for name in listed:
        for doc in yaml.safe_load_all((proxy_support.DEPLOY / "k8s" / name).read_text()):
            kubernetes_validate.validate(doc, version, strict=True)
            checked.append(doc["kind"])
    assert {"Deployment", "Service", "Ingress", "Job", "PersistentVolumeClaim"} <= set(checked)
    # and the check does catch a slip: a misspelt field, a number given as text
    deployment = yaml.safe_load((proxy_support.DEPLOY / "k8s" / "app.yaml").read_text().split("\n---")[0])
    for slip in ({"replica": 2}, {"replicas": "two"}):
        broken = {**deployment, "spec": {**deployment["spec"], **slip}}
        with pytest.raises(kubernetes_validate.ValidationError):
            kubernetes_validate.validate(broken, version, strict=True)
