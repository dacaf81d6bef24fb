# Verzuimportaal: production image (docs/deploy.md). Multi-stage: wheels are built in the first
# stage, the runtime stage has no compiler and runs as an unprivileged user.
#   docker build -t verzuimportaal .
#   docker run --env-file prod.env -p 8000:8000 verzuimportaal            # web (gunicorn)
#   docker run --env-file prod.env verzuimportaal celery -A verzuimportaal worker
#   docker run --env-file prod.env verzuimportaal celery -A verzuimportaal beat
ARG PYTHON_VERSION=3.12

FROM python:${PYTHON_VERSION}-slim-bookworm AS bouw
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential libxml2-dev libxmlsec1-dev \
       libxmlsec1-openssl pkg-config \
    && rm -rf /var/lib/apt/lists/*
COPY requirements/base.txt /tmp/base.txt
RUN pip wheel --no-cache-dir --wheel-dir /wheels -r /tmp/base.txt

FROM python:${PYTHON_VERSION}-slim-bookworm AS runtime
# WeasyPrint (letters, reports) needs Pango; xmlsec for SAML eHerkenning.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 \
       libharfbuzz-subset0 libxmlsec1 libxmlsec1-openssl fonts-dejavu-core curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin verzuimportaal
COPY --from=bouw /wheels /wheels
RUN pip install --no-cache-dir --no-index --find-links /wheels /wheels/* && rm -rf /wheels
WORKDIR /app
COPY --chown=verzuimportaal:verzuimportaal . /app
ENV DJANGO_SETTINGS_MODULE=verzuimportaal.conf.production \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    STATIC_ROOT=/app/static_root \
    PORT=8000
# Hashed, compressed static files at build time (whitenoise serves them); dummy values only for
# this step: the real ones come from the environment at run time.
RUN SECRET_KEY=bouw DATABASE_URL=sqlite:////tmp/bouw.sqlite3 python manage.py collectstatic --noinput -v0 \
    && rm -f /tmp/bouw.sqlite3
RUN mkdir -p /app/media /app/private_media && chown verzuimportaal /app/media /app/private_media
USER verzuimportaal
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD curl -fsS http://127.0.0.1:8000/health/live || exit 1
CMD ["gunicorn", "verzuimportaal.wsgi", "-c", "gunicorn.conf.py"]
